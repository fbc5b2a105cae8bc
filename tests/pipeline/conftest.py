import pytest

from svtracker.pipeline.services import import_documents


@pytest.fixture
def seeded_office(office, staff, seed_files):
    """The five real documents imported into the office."""
    results = list(import_documents(office=office, files=[(p.name, p.read_bytes()) for p in seed_files],
                                    user=staff))
    assert {r.status for r in results} == {"imported"}, [r.message for r in results]
    return office
