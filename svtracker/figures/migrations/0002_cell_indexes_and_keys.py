"""Cells are written a hundred a table: the indexes no query reads (indicator, and table alone, which
unique_table_cell covers) and the per-cell foreign-key checks go (figures.models.TableValue)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('figures', '0001_answer_tables_annexes_corrections'),
        ('questions', '0008_search_document_once'),
    ]

    operations = [
        migrations.AlterField(
            model_name='tablevalue',
            name='indicator',
            field=models.CharField(max_length=300),
        ),
        migrations.AlterField(
            model_name='tablevalue',
            name='question',
            field=models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.CASCADE, related_name='table_values', to='questions.question'),
        ),
        migrations.AlterField(
            model_name='tablevalue',
            name='table',
            field=models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='values', to='figures.answertable'),
        ),
    ]
