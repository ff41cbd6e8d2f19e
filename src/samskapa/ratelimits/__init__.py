"""Rate limits for forms anyone may send (public surveys): exact counts shared by every web process."""
