"""The catalog generator: Markdown content in, a static searchable catalog out.

The pipeline (see ``pipeline.build``) runs load -> validate -> link -> render -> write.
"""
