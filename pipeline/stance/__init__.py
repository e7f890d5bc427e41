"""Stance of an article's author toward each catalogue target."""
