"""The e-mails the auth domain sends, rendered from the templates in `email_templates/`."""

from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from app.core.config import settings
from app.core.email import build_email
from app.core.security import create_token
from app.models import User

_TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "email_templates"),
    autoescape=select_autoescape(["html"]),
    keep_trailing_newline=True,
)


def password_reset_email(user: User) -> EmailMessage:
    """A link to the reset page carrying a short-lived token tied to the current password."""
    token = create_token(
        user_id=user.id,
        token_version=user.token_version,
        purpose="password-reset",
        expires_in=timedelta(minutes=settings.PASSWORD_RESET_TOKEN_EXPIRE_MINUTES),
    )
    context = {
        "project_name": settings.PROJECT_NAME,
        "full_name": user.full_name,
        "link": f"{settings.FRONTEND_HOST}/reset-password?token={token}",
        "valid_minutes": settings.PASSWORD_RESET_TOKEN_EXPIRE_MINUTES,
    }
    return build_email(
        to=user.email,
        subject=f"{settings.PROJECT_NAME}: reset your password",
        text=_TEMPLATES.get_template("reset_password.txt").render(context),
        html=_TEMPLATES.get_template("reset_password.html").render(context),
    )
