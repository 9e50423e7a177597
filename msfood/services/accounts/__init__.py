"""Accounts: Argon2id password hashes, roles, account management, and signing in with lock-out.

The names below load their module on first use, so importing this package stays cheap.
"""

from msfood.core.lazy import lazy_attributes

_LAZY = {
    "UserSummary": "msfood.services.accounts.users",
    "NewUser": "msfood.services.accounts.users",
    "hash_password": "msfood.services.accounts.users",
    "validate_new_user": "msfood.services.accounts.users",
    "create_user": "msfood.services.accounts.users",
    "add_user": "msfood.services.accounts.users",
    "list_users": "msfood.services.accounts.users",
    "set_user_disabled": "msfood.services.accounts.users",
    "disable_user": "msfood.services.accounts.users",
    "enable_user": "msfood.services.accounts.users",
    "change_password": "msfood.services.accounts.users",
    "unlock_user": "msfood.services.accounts.users",
    "MAX_FAILED_ATTEMPTS": "msfood.services.accounts.authentication",
    "LOCK_MINUTES": "msfood.services.accounts.authentication",
    "SIGN_IN_BUSY_MS": "msfood.services.accounts.authentication",
    "authenticate": "msfood.services.accounts.authentication",
    "PasswordCheck": "msfood.services.accounts.passwords",
    "begin_authentication": "msfood.services.accounts.authentication",
    "finish_authentication": "msfood.services.accounts.authentication",
    "sign_in": "msfood.services.accounts.authentication",
    "read_sign_in": "msfood.services.accounts.authentication",
    "record_sign_in": "msfood.services.accounts.authentication",
    "AccountState": "msfood.services.accounts.authentication",
    "account_states": "msfood.services.accounts.authentication",
}

__all__ = sorted(_LAZY)

__getattr__ = lazy_attributes(globals(), _LAZY)
