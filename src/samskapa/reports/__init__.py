"""Documents a council adopts or reads: PDF (WeasyPrint, from the same HTML templates as the
pages) and DOCX (python-docx), always in the language of their content."""
