#!/usr/bin/env python3
"""Writes the binary bad inputs of the catalogue (.mrec, .gz, .glb) in this folder; the text ones
are written by hand. Run from anywhere: python3 tests/apps/bad-inputs/make_binary_inputs.py"""
import gzip, pathlib, struct

here = pathlib.Path(__file__).resolve().parent


def crc32c(data, crc=0):
    crc ^= 0xFFFFFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


MAGIC = b"\x89MREC\r\n\x1a"


def header(major=1, minor=0):
    h = MAGIC + struct.pack("<HHI", major, minor, 0)
    return h + struct.pack("<I", crc32c(h))


def chunk(kind, payload):
    head = kind + struct.pack("<I", len(payload))
    return head + struct.pack("<I", crc32c(head + payload)) + payload


def info(rate=90.0, name=b"bad"):
    s = lambda b: struct.pack("<I", len(b)) + b
    return struct.pack("<d", rate) + s(name) + s(b"") + s(b"") + s(b"") + struct.pack("<I", 0)


def put(name, data):
    (here / name).write_bytes(data)


put("empty.mrec", b"")
put("text.mrec", b"time,x,y,z\n0,1,2,3\n")
put("short-header.mrec", MAGIC + b"\x01\x00")
put("header-checksum.mrec", header()[:-1] + b"\x00")
put("version-9.mrec", header(major=9))
put("no-info.mrec", header())
put("billion-frames.mrec", header() + chunk(b"INFO", info()) + chunk(b"FRMS", struct.pack("<III", 1_000_000_000, 0, 0)))
put("absurd-chunk.mrec", header() + chunk(b"INFO", info()) + b"FRMS" + struct.pack("<II", 0xFFFFFFF0, 0))
put("bad-rate.mrec", header() + chunk(b"INFO", info(rate=-1.0)))
put("corrupt.csv.gz", b"\x1f\x8b\x08\x00" + b"\x00" * 6 + b"this is not deflate data at all")
put("empty.glb", b"")
put("truncated.glb", b"glTF" + struct.pack("<II", 2, 4096) + b"\x00" * 8)
# Ten times more inflated than the 512 MiB CSV limit would be slow to make; 600 MiB of one row
# compresses to ~600 KB, too big to keep in the repository, so the test builds that one itself.
print("binary bad inputs written to", here)
