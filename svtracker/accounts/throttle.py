"""Password-reset and invitation mails throttled per address and per client IP.

Counted in the database (AccountMail), so every gunicorn worker sees the same count and the embedded set-up
needs no cache server. Over the limit, nothing is sent, and the visitor sees the same answer as always.
"""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import AccountMail


def client_ip(request) -> str | None:
    """REMOTE_ADDR, or behind our own proxy (BEHIND_PROXY) the address it appended to X-Forwarded-For."""
    if settings.BEHIND_PROXY:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if forwarded[-1]:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR") or None


def address_hash(address: str) -> str:
    return hashlib.sha256(address.strip().lower().encode()).hexdigest()


def mail_allowed(*, kind: str, address: str, ip: str | None) -> bool:
    """Record a request for a `kind` mail to `address`; False when that address or that IP asked too often
    within ACCOUNT_MAIL_WINDOW seconds (ACCOUNT_MAILS_PER_ADDRESS, ACCOUNT_MAILS_PER_IP)."""
    now = timezone.now()
    since = now - timedelta(seconds=settings.ACCOUNT_MAIL_WINDOW)
    AccountMail.objects.filter(at__lt=since).delete()
    recent = AccountMail.objects.filter(kind=kind, at__gte=since)
    hashed = address_hash(address)
    allowed = (recent.filter(address_hash=hashed).count() < settings.ACCOUNT_MAILS_PER_ADDRESS
               and (ip is None or recent.filter(ip=ip).count() < settings.ACCOUNT_MAILS_PER_IP))
    AccountMail.objects.create(kind=kind, address_hash=hashed, ip=ip)
    return allowed
