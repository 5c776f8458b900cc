"""Signal receivers for accounts (kept tiny: real work lives in services)."""
