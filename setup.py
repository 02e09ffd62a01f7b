"""Build glue: map the checkout's top-level ui/, protocols/ and resources/ into `walkapp`.

Everything else about the build lives in pyproject.toml. This file only exists because the
package list has to be computed from the tree (new ui sub-packages need no edit here).
"""

from setuptools import find_packages, setup

MAPPED = {
    "walkapp.ui": "ui",
    "walkapp._protocols": "protocols",
    "walkapp._resources": "resources",
}

packages = find_packages(include=["walkapp", "walkapp.*"])
package_dir = {"walkapp": "walkapp"}
for name, folder in MAPPED.items():
    package_dir[name] = folder
    packages.append(name)
    for sub in find_packages(where=folder):
        packages.append(f"{name}.{sub}")
        package_dir[f"{name}.{sub}"] = f"{folder}/{sub.replace('.', '/')}"

setup(packages=packages, package_dir=package_dir)
