"""What each portal endpoint returns: public fields only (never a person or an e-mail)."""

from rest_framework import serializers

from forums.models import PlanItem, TopicPage
from home.models import EventPage
from surveys.models import SurveyPage


def CfsrTermField():  # noqa: N802 - reads like the other field classes
    return serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)


class PageUrlField(serializers.Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        return page.get_full_url(self.context.get("request"))


class PlanItemSerializer(serializers.ModelSerializer):
    workgroup = serializers.CharField(source="workgroup.title")
    workgroup_id = serializers.IntegerField()
    parent_id = serializers.IntegerField(allow_null=True)
    cfsr_terms = CfsrTermField()
    progress_percent = serializers.IntegerField(allow_null=True)

    class Meta:
        model = PlanItem
        fields = [
            "id",
            "workgroup_id",
            "workgroup",
            "parent_id",
            "level",
            "title",
            "description",
            "owner",
            "status",
            "start_date",
            "due_date",
            "measure",
            "unit",
            "baseline",
            "target",
            "current",
            "progress_percent",
            "cfsr_terms",
            "updated_at",
        ]


class TopicSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    workgroup_id = serializers.SerializerMethodField()
    state = serializers.CharField(source="window_state")
    comments = serializers.IntegerField(source="public_comment_count")
    questions = serializers.IntegerField(source="public_question_count")
    replies = serializers.IntegerField(source="public_reply_count")
    official_answers = serializers.IntegerField(source="official_answer_count")
    cfsr_terms = CfsrTermField()

    class Meta:
        model = TopicPage
        fields = [
            "id",
            "title",
            "url",
            "workgroup_id",
            "question",
            "opens_at",
            "closes_at",
            "state",
            "comments",
            "questions",
            "replies",
            "official_answers",
            "cfsr_terms",
            "last_published_at",
        ]

    def get_workgroup_id(self, topic) -> int:
        return self.context["workgroup_ids"][topic.path[: -topic.steplen]]


class EventSerializer(serializers.ModelSerializer):
    url = PageUrlField()

    class Meta:
        model = EventPage
        fields = ["id", "title", "url", "start", "end", "time_zone", "location_name", "address", "online_url"]


class SurveySerializer(serializers.ModelSerializer):
    url = PageUrlField()
    summary_url = serializers.SerializerMethodField()

    class Meta:
        model = SurveyPage
        fields = ["id", "title", "url", "summary_url", "opens_at", "closes_at", "is_anonymous"]

    def get_summary_url(self, survey) -> str:
        from django.urls import reverse

        request = self.context.get("request")
        path = reverse("opendata:survey-detail", args=[survey.pk])
        return request.build_absolute_uri(path) if request else path
