import pytest
from tests.indicators.stub_server import StubServer, point_sources_at


@pytest.fixture
def stub(settings):
    """The stand-in APIs on loopback, with every source pointed at it and quick retries."""
    server = StubServer().start()
    point_sources_at(settings, server)
    yield server
    server.stop()
