"""``SimulationRun`` moves here from ``access`` (issue 24): state only, on the table access
created (``access_simulationrun``)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("revenue", "0003_span_readers"),
        ("access", "0007_move_simulation_runs_to_revenue"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SimulationRun",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("since", models.DateField(blank=True, null=True)),
                        ("until", models.DateField(blank=True, null=True)),
                        ("anonymous", models.PositiveSmallIntegerField(blank=True, null=True)),
                        ("registered", models.PositiveSmallIntegerField(blank=True, null=True)),
                        ("preview", models.PositiveSmallIntegerField(blank=True, null=True)),
                        ("status", models.CharField(choices=[("queued", "queued"), ("running", "running"), ("done", "done"), ("failed", "failed")], default="queued", max_length=8)),
                        ("result", models.JSONField(blank=True, null=True)),
                        ("error", models.CharField(blank=True, max_length=300)),
                    ],
                    options={"db_table": "access_simulationrun", "ordering": ["-created_at", "-pk"]},
                ),
            ],
            database_operations=[],
        ),
    ]
