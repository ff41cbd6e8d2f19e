import pytest
from tests.indicators.stub_server import StubServer


@pytest.fixture
def stub(settings):
    """The stand-in APIs on loopback, with every source pointed at it and quick retries."""
    server = StubServer().start()
    settings.SAMSKAPA_KOLADA_URL = f"{server.url}/v3"
    settings.SAMSKAPA_PXWEB_SCB_URL = f"{server.url}/api/v2"
    settings.SAMSKAPA_PXWEB_STATFI_URL = f"{server.url}/PxWeb/api/v1"
    settings.SAMSKAPA_EUROSTAT_URL = f"{server.url}/eurostat/api/dissemination/statistics/1.0"
    settings.SAMSKAPA_SOURCE_BACKOFF = 0.01
    settings.SAMSKAPA_SOURCE_MIN_INTERVAL = 0
    settings.SAMSKAPA_SOURCE_TIMEOUT = 0.5
    settings.SAMSKAPA_SOURCE_RETRIES = 2
    yield server
    server.stop()
