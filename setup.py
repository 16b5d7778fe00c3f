"""Packaging: the code packages, plus the top-level data folders (templates, static, config,
migrations, translations) shipped inside the wheel as tertulia/<folder>, where
tertulia.paths.resource() finds them in an installed copy. Metadata is in pyproject.toml."""

from setuptools import find_packages, setup

DATA_FOLDERS = ("templates", "static", "config", "migrations", "translations")

setup(
    packages=find_packages(include=["tertulia*", "facilitator*", "participant*", "shared*"])
    + [f"tertulia.{folder}" for folder in DATA_FOLDERS],
    package_dir={f"tertulia.{folder}": folder for folder in DATA_FOLDERS},
    package_data={f"tertulia.{folder}": ["**/*"] for folder in DATA_FOLDERS},
    include_package_data=False,
)
