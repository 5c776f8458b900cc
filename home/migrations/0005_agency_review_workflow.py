"""Install the "Agency review" workflow on the whole page tree: Moderators approve.

Editors have add/change/lock permissions but not publish (accounts 0003), so their
changes go live only after a moderator approves them in this workflow.
"""

from django.db import migrations

WORKFLOW_NAME = "Agency review"
TASK_NAME = "Moderators approve"


def install_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    moderators, _ = Group.objects.get_or_create(name="Moderators")
    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, active=True, content_type=task_type)
    task.groups.add(moderators)

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    root = Page.objects.get(depth=1)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    # Wagtail's own migrations install a default "Moderators approval" workflow; ours replaces it.
    Workflow.objects.filter(name="Moderators approval").exclude(workflow_pages__isnull=False).update(
        active=False
    )


def remove_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "WorkflowPage").objects.filter(workflow__name=WORKFLOW_NAME).delete()
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_content_pages"),
        ("accounts", "0003_staff_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(install_workflow, remove_workflow)]
