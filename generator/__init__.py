"""Registry of ASN neutrality pledges: YAML records in, Markdown pages out.

The package follows the data: load -> validate -> model -> render -> write.
Each module may import only the ones before it in that list.
"""

__version__ = "0.1.0"
