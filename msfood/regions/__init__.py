"""Regions from the official division codes shipped with msfood (msfood/data, see official.py)."""
