"""Writes for co-creation, one module per part: consultations, findings, committee, surveys, people."""
