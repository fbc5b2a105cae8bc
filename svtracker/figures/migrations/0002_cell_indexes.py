"""Cells are written a hundred a table: the two indexes no query reads (indicator, and table alone, which unique_table_cell covers) go."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('figures', '0001_answer_tables_annexes_corrections'),
    ]

    operations = [
        migrations.AlterField(
            model_name='tablevalue',
            name='indicator',
            field=models.CharField(max_length=300),
        ),
        migrations.AlterField(
            model_name='tablevalue',
            name='table',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='values', to='figures.answertable'),
        ),
    ]
