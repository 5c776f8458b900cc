"""The portal's own read endpoints: public plans, topics with counts, events, survey summaries.

Anonymous by construction (no authentication class runs, so the answer is the same for
everyone and can be cached), rate-limited per address, paginated, open to other origins.
"""

from django.conf import settings
from django.http import Http404
from django_filters import rest_framework as filters
from rest_framework import generics
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle

from forums.models import PlanItem, PlanLevel, PlanStatus, WorkgroupPage

from . import selectors, serializers
from .summaries import survey_summary


class AddressRateThrottle(SimpleRateThrottle):
    """Requests per client address (signed in or not: the API never looks at who you are)."""

    scope = "opendata"

    def get_rate(self):
        return settings.OPENDATA_API_RATE

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class PublicAPIMixin:
    """Anonymous, throttled, cacheable and readable from any origin."""

    authentication_classes: list = []
    permission_classes: list = []
    throttle_classes = [AddressRateThrottle]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        if response.status_code == 200 and request.method in ("GET", "HEAD"):
            response["Cache-Control"] = f"public, max-age={settings.OPENDATA_CACHE_SECONDS}"
        else:
            response["Cache-Control"] = "no-store"
        return response


class StrictPagination(PageNumberPagination):
    """Page numbers and sizes that are not valid get a 400 with a JSON error, not a guess."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not raw.isdigit() or not 1 <= int(raw) <= self.max_page_size:
            raise ValidationError({"page_size": [f"A whole number from 1 to {self.max_page_size}."]})
        return int(raw)

    def paginate_queryset(self, queryset, request, view=None):
        raw = request.query_params.get(self.page_query_param, "1")
        if not raw.isdigit() or int(raw) < 1:
            raise ValidationError({"page": ["A whole number from 1."]})
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound as error:  # a page past the end
            raise ValidationError({"page": ["There is no page with this number."]}) from error

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.page.paginator.count,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )


class StrictFilterBackend(filters.DjangoFilterBackend):
    """Unknown query parameters are refused, so a typo is not silently ignored."""

    allowed = {"page", "page_size", "format"}

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        known = set(filterset_class.base_filters) if filterset_class else set()
        unknown = sorted(set(request.query_params) - known - self.allowed)
        if unknown:
            raise ValidationError({name: ["Not a filter of this endpoint."] for name in unknown})
        return super().filter_queryset(request, queryset, view)


class PlanItemFilter(filters.FilterSet):
    status = filters.ChoiceFilter(choices=PlanStatus.choices)
    level = filters.ChoiceFilter(choices=PlanLevel.choices)
    workgroup = filters.NumberFilter(field_name="workgroup_id")
    cfsr = filters.CharFilter(field_name="cfsr_terms__code", distinct=True)

    class Meta:
        model = PlanItem
        fields = ["status", "level", "workgroup", "cfsr"]


class PublicListView(PublicAPIMixin, generics.ListAPIView):
    pagination_class = StrictPagination
    filter_backends = [StrictFilterBackend]


class PlanItemList(PublicListView):
    serializer_class = serializers.PlanItemSerializer
    filterset_class = PlanItemFilter

    def get_queryset(self):
        return selectors.public_plan_items()


class ChoiceParamMixin:
    """One validated choice parameter (`param`) passed to the selector."""

    param = ""
    choices: tuple[str, ...] = ()

    def get_choice(self) -> str:
        value = self.request.query_params.get(self.param, "")
        if value and value not in self.choices:
            raise ValidationError({self.param: [f"One of: {', '.join(self.choices)}."]})
        unknown = sorted(set(self.request.query_params) - {self.param, "page", "page_size", "format"})
        if unknown:
            raise ValidationError({name: ["Not a filter of this endpoint."] for name in unknown})
        return value


class TopicList(ChoiceParamMixin, PublicAPIMixin, generics.ListAPIView):
    serializer_class = serializers.TopicSerializer
    pagination_class = StrictPagination
    param, choices = "state", ("open", "closed", "upcoming")

    def get_queryset(self):
        return selectors.public_topics(state=self.get_choice())

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["workgroup_ids"] = dict(WorkgroupPage.objects.values_list("path", "pk"))
        return context


class EventList(ChoiceParamMixin, PublicAPIMixin, generics.ListAPIView):
    serializer_class = serializers.EventSerializer
    pagination_class = StrictPagination
    param, choices = "when", ("upcoming", "past")

    def get_queryset(self):
        return selectors.public_events(when=self.get_choice())


class SurveyList(ChoiceParamMixin, PublicAPIMixin, generics.ListAPIView):
    serializer_class = serializers.SurveySerializer
    pagination_class = StrictPagination

    def get_queryset(self):
        self.get_choice()
        return selectors.published_surveys()


class SurveyDetail(PublicAPIMixin, generics.GenericAPIView):
    def get(self, request, survey_id: int):
        survey = selectors.published_surveys().filter(pk=survey_id).first()
        if survey is None:
            raise Http404
        data = serializers.SurveySerializer(survey, context={"request": request}).data
        return Response({**data, "summary": survey_summary(survey)})
