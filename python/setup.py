"""setup.py — builds dyad._dyad, the C extension of the dyad package, with
libdyad.a linked in (docs/python.md, "Why static"). Where libdyad comes from:

- DYAD_BUILD=FOLDER: a build folder of the dyad sources (make BUILD=FOLDER),
  its libdyad.a and dyad.pc, with the sources' include/dyad.h;
- else, inside the dyad sources (python/ of the repository): ../build;
- else (or when ../build has no library) the installed one (make install):
  pkg-config dyad, and the libdyad.a beside its libdyad.so.

The libraries libdyad needs (utf8proc, jansson, libxml2, zlib, sqlite3) are
linked dynamically, as pkg-config --static lists them.
"""
import os
import re
import shlex
import subprocess
import sys

from setuptools import Extension, setup

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def fail(message):
    sys.exit("dyad setup.py: " + message)


def pkg_config(args, pc_path=None):
    env = dict(os.environ)
    if pc_path:
        env["PKG_CONFIG_PATH"] = pc_path + os.pathsep + env.get("PKG_CONFIG_PATH", "")
    try:
        out = subprocess.run(["pkg-config"] + args, env=env, check=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    except FileNotFoundError:
        fail("pkg-config is missing (Debian: apt install pkg-config)")
    except subprocess.CalledProcessError as e:
        fail("pkg-config %s: %s" % (" ".join(args), e.stderr.strip()))
    return shlex.split(out.stdout)


def installed():
    """Whether pkg-config knows an installed dyad."""
    try:
        return subprocess.run(["pkg-config", "--exists", "dyad"]).returncode == 0
    except FileNotFoundError:
        return False


def library():
    """(include dirs, archive, link flags, version) of the libdyad to link."""
    build = os.environ.get("DYAD_BUILD")
    in_tree = os.path.isfile(os.path.join(REPO, "include", "dyad.h"))
    if not build and in_tree:
        build = os.path.join(REPO, "build")
        if not os.path.isfile(os.path.join(build, "libdyad.a")) and installed():
            build = None
    if build:
        build = os.path.abspath(build)
        archive = os.path.join(build, "libdyad.a")
        if not (os.path.isfile(archive) and os.path.isfile(os.path.join(build, "dyad.pc"))):
            fail("%s has no libdyad.a and dyad.pc: build the library first "
                 "(make, or make BUILD=%s)" % (build, os.path.basename(build)))
        # the sources a build folder belongs to hold it (make BUILD=folder)
        header = os.path.join(os.path.dirname(build), "include", "dyad.h")
        if not os.path.isfile(header):
            fail("no include/dyad.h beside %s" % build)
        include = [os.path.dirname(header)]
        libs = pkg_config(["--static", "--libs", "dyad"], pc_path=build)
        with open(header) as f:
            version = re.search(r'#define DYAD_VERSION "([^"]*)"', f.read()).group(1)
    else:
        include = [a[2:] for a in pkg_config(["--cflags-only-I", "dyad"])]
        libdir = pkg_config(["--variable=libdir", "dyad"])[0]
        archive = os.path.join(libdir, "libdyad.a")
        if not os.path.isfile(archive):
            fail("%s is missing: install dyad first (make install)" % archive)
        libs = pkg_config(["--static", "--libs", "dyad"])
        version = pkg_config(["--modversion", "dyad"])[0]
    # the archive in place of -ldyad, and none of dyad.pc's -L (its prefix
    # is where an install would go, not where this library is)
    pc = None if not build else build
    libdir = "-L" + pkg_config(["--variable=libdir", "dyad"], pc_path=pc)[0]
    libs = [a for a in libs if a not in ("-ldyad", libdir)]
    return include, archive, libs, version, build


include, archive, libs, version, build = library()
# what the build writes goes beside the library it links (BUILD/python),
# not into the sources
scratch = os.path.join(build, "python") if build else None
if scratch:
    os.makedirs(scratch, exist_ok=True)
cflags = ["-std=c11", "-Wall", "-Wextra"]
if os.environ.get("DEVELOPER"):
    cflags.append("-Werror")   # as make DEVELOPER=1 builds the library

setup(
    version=version,
    packages=["dyad"],
    options={"build": {"build_base": scratch}, "egg_info": {"egg_base": scratch}}
    if scratch else {},
    ext_modules=[Extension(
        "dyad._dyad",
        sources=["src/_dyad.c"],
        include_dirs=include,
        extra_compile_args=cflags,
        # libdyad.a whole (its objects are -fPIC); its symbols stay inside
        # the extension, so another libdyad in the process cannot clash
        extra_link_args=[archive, "-Wl,--exclude-libs,ALL"] + libs,
        depends=[archive],
    )],
)
