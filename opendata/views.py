"""/open-data/: the downloads page and its CSV and JSON files."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import cache_control

from portal.exports import CSV_TYPE, csv_lines

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
        names = [n for n, _, _ in dataset.fields]
        lines = csv_lines(([row.get(n) for n in names] for row in rows), header=names, bom=True)
        response = HttpResponse("".join(lines), content_type=CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response
