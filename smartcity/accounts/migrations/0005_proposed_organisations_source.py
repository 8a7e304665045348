from django.db import migrations


def proposed_at_signup(apps, schema_editor):
    # organisations a sign-up proposed (accounts knows it, municipalities does not)
    Organisation = apps.get_model("municipalities", "Organisation")
    Organisation.objects.filter(memberships__proposes_organisation=True).update(source="signup")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_job_title"),
        ("municipalities", "0004_organisation_source"),
    ]

    operations = [migrations.RunPython(proposed_at_signup, migrations.RunPython.noop)]
