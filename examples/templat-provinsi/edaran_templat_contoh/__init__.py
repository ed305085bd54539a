"""The rule file of Provinsi Contoh's template: ``provinsi-contoh-2026.edaran`` beside this file."""
