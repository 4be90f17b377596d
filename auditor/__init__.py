"""lkip-audit: consistency auditor for Indonesian LKIP/LKjIP reports and the spreadsheets behind them."""
__version__ = "0.1.0"


def audit(*args, **kwargs):
    """See auditor.engine.audit (imported lazily so `lkip-audit --help` stays fast)."""
    from .engine import audit as _audit
    return _audit(*args, **kwargs)


__all__ = ["audit", "__version__"]
