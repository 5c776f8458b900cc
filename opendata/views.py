"""/open-data/: the downloads page and its CSV and JSON files."""

import csv
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import cache_control

from . import selectors
from .datasets import DATASETS

CACHE_SECONDS = 300


@cache_control(public=True, max_age=CACHE_SECONDS)
def open_data_index(request):
    changed = selectors.last_changed()
    datasets = [{"dataset": d, "last_changed": changed.get(d.slug)} for d in DATASETS.values()]
    return render(request, "opendata/index.html", {"datasets": datasets})


@cache_control(public=True, max_age=CACHE_SECONDS)
def open_data_download(request, slug: str, fmt: str):
    dataset = DATASETS.get(slug)
    if dataset is None or fmt not in ("csv", "json"):
        raise Http404("No such dataset.")
    made = timezone.now()
    rows = dataset.rows()
    filename = f"{slug}-{made:%Y-%m-%d}.{fmt}"
    if fmt == "json":
        body = {
            "dataset": slug,
            "title": str(dataset.title),
            "made_at": made.isoformat(),
            "fields": [{"name": n, "type": t, "description": str(d)} for n, t, d in dataset.fields],
            "rows": rows,
        }
        response = HttpResponse(
            json.dumps(body, cls=DjangoJSONEncoder, indent=1), content_type="application/json"
        )
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response.write("\ufeff")
        writer = csv.DictWriter(response, fieldnames=[n for n, _, _ in dataset.fields])
        writer.writeheader()
        writer.writerows(rows)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response
