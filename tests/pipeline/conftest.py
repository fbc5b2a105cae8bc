import pytest

from svtracker.pipeline.services import import_documents


@pytest.fixture
def seeded_office(office, staff, seed_files):
    """The five real documents imported into the office."""
    files = [(p.name, p.read_bytes()) for p in seed_files]
    results = [result for of_file in import_documents(office=office, files=files, user=staff)
               for result in of_file]
    assert {r.status for r in results} == {"imported"}, [r.message for r in results]
    return office
