"""The REST API at /api/v1/: one router per domain app, OpenAPI at /api/v1/openapi.json."""

from samskapa.api import actions as actions_api
from samskapa.api import actors as actors_api
from samskapa.api import analysis as analysis_api
from samskapa.api import cocreation as cocreation_api
from samskapa.api import indicators as indicators_api
from samskapa.api import orgs
from samskapa.api import publicsite as publicsite_api
from samskapa.api import strategy as strategy_api
from samskapa.api.auth import api_auth
from samskapa.api.errors import register_error_handlers
from samskapa.api.openapi import SamskapaNinjaAPI
from samskapa.api.parser import StorableParser

api = SamskapaNinjaAPI(
    title="Samskapa API",
    version="1",
    description="Integration strategies, action plans, co-creation and follow-up, per organisation. "
    "Authenticate with a personal access token: `Authorization: Bearer <token>` "
    "(create one on your profile page or with `samskapa token create --email ADDRESS`).",
    auth=api_auth,
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
    parser=StorableParser(),
)
register_error_handlers(api)
api.add_router("/", orgs.router)
api.add_router("/", strategy_api.router)
api.add_router("/", actors_api.router)
api.add_router("/", actions_api.router)
api.add_router("/", cocreation_api.router)
api.add_router("/", indicators_api.router)
api.add_router("/", analysis_api.router)
api.add_router("/", publicsite_api.router)
