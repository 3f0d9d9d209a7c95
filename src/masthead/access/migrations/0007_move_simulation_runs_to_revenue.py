"""``SimulationRun`` moves to ``revenue`` (issue 24): state only; the table stays where it is
(``access_simulationrun``, the model's ``db_table``), so no row moves."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0006_simulation_runs"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="SimulationRun")],
            database_operations=[],
        ),
    ]
