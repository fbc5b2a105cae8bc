"""svtracker settings: every value comes from the environment (django-environ).

The defaults give the embedded set-up: SQLite, mail to the console, Celery tasks run in-process.
Production sets DATABASE_URL, REDIS_URL, EMAIL_URL, SECRET_KEY and DEBUG=False (see .env.example).
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="insecure-embedded-default-only-for-local-use" if DEBUG else None)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Links in mails and feeds (svtracker/links.py); empty: the address of the request that sent them.
SITE_URL = env("SITE_URL", default="")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tables2",
    "django_filters",
    "axes",
    "csp",
    "simple_history",
    "svtracker.people",
    "svtracker.accounts",
    "svtracker.questions",
    "svtracker.promises",
    "svtracker.reminders",
    "svtracker.drafts",
    "svtracker.parliament",
    "svtracker.pipeline",
    "svtracker.figures",
    "svtracker.scorecard",
    "svtracker.pages",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "svtracker.language.ChosenLanguageMiddleware",  # Dutch until the person chooses (not Accept-Language)
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "svtracker.questions.uploads.RequestSizeLimitMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "svtracker.accounts.middleware.CurrentOfficeMiddleware",
    "axes.middleware.AxesMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",  # who changed a shared record, in its history
]

ROOT_URLCONF = "svtracker.urls"
WSGI_APPLICATION = "svtracker.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "svtracker.accounts.context_processors.offices",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"

# Login throttling (django-axes): lock a username+IP after repeated failures.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.5)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
# Password-reset and invitation mails: at most so many per address and per client IP in the window
# (svtracker/accounts/throttle.py); an invitation link works once, for INVITATION_DAYS days.
ACCOUNT_MAIL_WINDOW = env.int("ACCOUNT_MAIL_WINDOW", default=3600)  # seconds
ACCOUNT_MAILS_PER_ADDRESS = env.int("ACCOUNT_MAILS_PER_ADDRESS", default=3)
ACCOUNT_MAILS_PER_IP = env.int("ACCOUNT_MAILS_PER_IP", default=20)
INVITATION_DAYS = env.int("INVITATION_DAYS", default=7)

LANGUAGE_CODE = "nl-be"
LANGUAGES = [("nl-be", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "svtracker" / "locale"]
TIME_ZONE = env("TIME_ZONE", default="Europe/Brussels")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "svtracker" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))
MEDIA_URL = "media/"

# Uploads, bounded before and during work (svtracker/questions/uploads.py): a request body over
# UPLOAD_MAX_REQUEST_BYTES is refused from its Content-Length before a byte is read; each file over
# UPLOAD_MAX_BYTES is refused by the upload form; at most DATA_UPLOAD_MAX_NUMBER_FILES files at once; a PDF
# over MAX_PDF_PAGES pages is refused before its text is read, and reading stops after PDF_PARSE_SECONDS
# (well under gunicorn's 30 s worker timeout). Every refusal is a Dutch message that names the limit.
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=20 * 1024 * 1024)
UPLOAD_MAX_REQUEST_BYTES = env.int("UPLOAD_MAX_REQUEST_BYTES", default=100 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2621440  # form fields other than files (Django's default, 2.5 MB)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024  # larger files go to a temporary file while they arrive
DATA_UPLOAD_MAX_NUMBER_FILES = env.int("UPLOAD_MAX_FILES", default=50)
MAX_PDF_PAGES = env.int("MAX_PDF_PAGES", default=500)
PDF_PARSE_SECONDS = env.float("PDF_PARSE_SECONDS", default=20.0)
# The app's own page, in Dutch with the way back, for a refused CSRF check (the others: svtracker/urls.py).
CSRF_FAILURE_VIEW = "svtracker.errors.csrf_failure"

EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="svtracker <svtracker@localhost>")

# Kept figures (the scorecard pages): Redis in production (CACHE_URL=redis://host:6379/1, another database
# than the broker's), one process's memory on the embedded default.
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}

# Celery: Redis in production; without REDIS_URL tasks run in-process so the embedded set-up needs no broker.
REDIS_URL = env("REDIS_URL", default="")
CELERY_BROKER_URL = REDIS_URL or "memory://localhost/"  # a host, or kombu warns on every command
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A task taken by a worker that died (acks_late) goes back to the queue after the visibility timeout.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)}
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    # The daily digest of reminders: 08:00 Brussels time, whatever the season.
    "daily-reminders": {
        "task": "svtracker.reminders.tasks.run_daily_reminders",
        "schedule": crontab(hour=8, minute=0),
    },
    # Digests a killed worker left "sending" past their lease, or whose task was lost, are queued again.
    "reminder-sweep": {
        "task": "svtracker.reminders.tasks.requeue_stuck_digests",
        "schedule": env.int("REMINDER_SWEEP_MINUTES", default=5) * 60,
    },
    # New questions and answers from the parliament's open data, a few times each working day.
    "parliament-sync": {
        "task": "svtracker.parliament.tasks.sync_all_offices",
        "schedule": crontab(hour=env("PARLIAMENT_SYNC_HOURS", default="7,12,17"), minute=30,
                            day_of_week="mon-fri"),
    },
}

# The parliament's open-data interface; sync is off when no base URL is configured.
PARLIAMENT_API_URL = env("PARLIAMENT_API_URL", default="")
PARLIAMENT_DOCS_URL = env("PARLIAMENT_DOCS_URL", default="")
PARLIAMENT_TIMEOUT = env.float("PARLIAMENT_TIMEOUT", default=20.0)  # seconds per request
PARLIAMENT_RETRIES = env.int("PARLIAMENT_RETRIES", default=3)  # on timeouts and 5xx, with backoff
PARLIAMENT_MIN_INTERVAL = env.float("PARLIAMENT_MIN_INTERVAL", default=1.0)  # seconds between requests
PARLIAMENT_BACKOFF = env.float("PARLIAMENT_BACKOFF", default=2.0)  # first retry delay, doubled each time

# Default months until figures are expected when an answer gives no date ("onder voorbehoud", ...).
PROMISE_DEFAULT_INTERVAL_MONTHS = env.int("PROMISE_DEFAULT_INTERVAL_MONTHS", default=3)

# Reminders: 11 July (Flemish Community) counts as a day off; digest emails are retried on SMTP and
# connection errors with exponential backoff (first wait REMINDER_RETRY_BACKOFF seconds, then doubling).
FLEMISH_HOLIDAY = env.bool("FLEMISH_HOLIDAY", default=True)
REMINDER_MAX_RETRIES = env.int("REMINDER_MAX_RETRIES", default=6)
REMINDER_RETRY_BACKOFF = env.int("REMINDER_RETRY_BACKOFF", default=60)
REMINDER_RETRY_BACKOFF_MAX = env.int("REMINDER_RETRY_BACKOFF_MAX", default=3600)
# A digest left "sending" by a killed worker may be sent again after this many seconds; keep it shorter than
# CELERY_VISIBILITY_TIMEOUT so the redelivered task can take it over, longer than an SMTP send can take.
REMINDER_SENDING_LEASE = env.int("REMINDER_SENDING_LEASE", default=15 * 60)
# Soft and hard time limits (seconds) of every task: CELERY_TASK_* for a task that sets none. A digest's send
# stops well inside the lease (no second worker while it may still go on); the sync's hard limit stays under
# the visibility timeout, so a long run is never delivered to a second worker.
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=300)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=360)
REMINDER_SEND_SOFT_TIME_LIMIT = env.int("REMINDER_SEND_SOFT_TIME_LIMIT", default=120)
REMINDER_SEND_TIME_LIMIT = env.int("REMINDER_SEND_TIME_LIMIT", default=180)
REMINDER_SCAN_SOFT_TIME_LIMIT = env.int("REMINDER_SCAN_SOFT_TIME_LIMIT", default=1200)
REMINDER_SCAN_TIME_LIMIT = env.int("REMINDER_SCAN_TIME_LIMIT", default=1500)
REMINDER_SWEEP_SOFT_TIME_LIMIT = env.int("REMINDER_SWEEP_SOFT_TIME_LIMIT", default=120)
REMINDER_SWEEP_TIME_LIMIT = env.int("REMINDER_SWEEP_TIME_LIMIT", default=180)
PARLIAMENT_SYNC_SOFT_TIME_LIMIT = env.int("PARLIAMENT_SYNC_SOFT_TIME_LIMIT", default=1500)
PARLIAMENT_SYNC_TIME_LIMIT = env.int("PARLIAMENT_SYNC_TIME_LIMIT", default=1800)

DJANGO_TABLES2_TEMPLATE = "django_tables2/bootstrap5.html"
DJANGO_TABLES2_TABLE_ATTRS = {"class": "table"}

# Content security: everything from our own origin, nothing from a CDN.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}
# Browser features no page of ours uses are off, for our pages and anything they might embed
# (django-permissions-policy).
PERMISSIONS_POLICY = {feature: [] for feature in (
    "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "fullscreen", "geolocation",
    "gyroscope", "magnetometer", "microphone", "midi", "payment", "usb", "xr-spatial-tracking")}

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
    CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
# X-Forwarded-Proto says whether the visitor used HTTPS only when our own proxy sets it (and strips what
# the client sent); without a proxy any client could send it. BEHIND_PROXY=true behind nginx, Caddy, ...
BEHIND_PROXY = env.bool("BEHIND_PROXY", default=False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
    "loggers": {
        "svtracker": {"level": env("SVTRACKER_LOG_LEVEL", default="INFO")},
        # pypdf warns about every malformed PDF it is given; the importer reports those in Dutch itself.
        "pypdf": {"level": "ERROR"},
    },
}
AXES_VERBOSE = False
