"""Settings of the example shop. The gateway settings come from the environment:

* ``GESTPAY_ENV``: ``test`` (the sandbox, the default), ``production``, or a base URL such as
  the local gateway's (``gestpay sandbox`` prints it; ``pip install gestpay-cli``);
* ``GESTPAY_SHOP_LOGIN`` and ``GESTPAY_API_KEY``: the merchant's credentials.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Dict, List

BASE_DIR = Path(__file__).resolve().parent
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "example-only-not-secret")
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
ALLOWED_HOSTS: List[str] = ["localhost", "127.0.0.1", "testserver"]
ROOT_URLCONF = "shop.urls"
INSTALLED_APPS: List[str] = ["shop"]
MIDDLEWARE: List[str] = []
DATABASES: Dict[str, Any] = {}
TEMPLATES: List[Dict[str, Any]] = [
    {"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True},
]
USE_TZ = True

GESTPAY: Dict[str, Any] = {
    "ENV": os.environ.get("GESTPAY_ENV", "test"),
    "SHOP_LOGIN": os.environ.get("GESTPAY_SHOP_LOGIN", "GESPAY65987"),
    "API_KEY": os.environ.get("GESTPAY_API_KEY"),
    "TIMEOUT": 20.0,
}
