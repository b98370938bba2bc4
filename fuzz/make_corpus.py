#!/usr/bin/env python3
"""Writes the seed corpora in fuzz/corpus/<target>/ from the project's own assets and small
hand-made files (no third-party data). Usage: fuzz/make_corpus.py [path/to/mimesis]
The .mrec seeds need the mimesis binary (convert); without it they are left as they are."""
import base64, json, os, pathlib, shutil, struct, subprocess, sys, tempfile

root = pathlib.Path(__file__).resolve().parent.parent
corpus = root / "fuzz" / "corpus"


def put(target, name, data):
    d = corpus / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data if isinstance(data, bytes) else data.encode())


TINY_MKEYS = """mkeys 1
clip tiny
rate 30
hands both
duration 0.5
segment a 0 0.25
segment b 0.25 0.5
note 0.1 0.2 tip 1 keep the wrist still
key 0 both
  wrist 0.2 1.1 -0.3
  shape relaxed
key 0.25 right
  orient 10 0 -20
  curl index 0.8
key 0.5 both
  wrist 0.1 1.2 -0.3
  shape fist
"""

# --- mkeys: the shipped clips plus one tiny clip.
for f in sorted((root / "assets").glob("*.mkeys")):
    put("fuzz_mkeys", f.name, f.read_bytes())
put("fuzz_mkeys", "tiny.mkeys", TINY_MKEYS)

# --- lesson: the shipped scenes pointed at the fuzzer's own clip files.
for f in sorted((root / "scenes").glob("*.json")):
    doc = json.loads(f.read_text())
    doc["clip"] = "clip.mkeys"
    put("fuzz_lesson", f.name, json.dumps(doc, indent=1))
put("fuzz_lesson", "minimal.json", '{"clip": "clip.mkeys"}')
put("fuzz_lesson", "rig.json", '{"clip": "clip.bvh", "rigMap": "mixamo", "mapping": "mirror", "trials": 2}')

# --- bvh: small hand-made hierarchies, one with Mixamo-style hand names so rig mapping runs.
put("fuzz_bvh", "two-joints.bvh",
    "HIERARCHY\nROOT Root\n{\n  OFFSET 1 2 3\n  CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation\n"
    "  JOINT Mid\n  {\n    OFFSET 0 2 0\n    CHANNELS 3 Zrotation Yrotation Xrotation\n"
    "    End Site\n    {\n      OFFSET 1 0.5 0\n    }\n  }\n}\nMOTION\nFrames: 2\nFrame Time: 0.0083333\n"
    "0.5 -1 2 30 -50 70 -15 100 25\n0.25 -1.5 2 31 -49 71 -14 101 26\n")
put("fuzz_bvh", "subset-crlf.bvh",
    "HIERARCHY\r\nROOT A {\r\n OFFSET 0 0 0\r\n CHANNELS 2 Zposition Xposition\r\n JOINT B\r\n {\r\n  OFFSET 1 0 0\r\n"
    "  CHANNELS 1 Yrotation\r\n  JOINT C\r\n  {\r\n   OFFSET 2 0 0\r\n   CHANNELS 0\r\n  }\r\n }\r\n}\r\n"
    "MOTION\r\nFrames: 2\r\nFrame Time: 0.5\r\n3 4 90\r\n\r\n  -1 +2 1e1  \r\n")
hand = ["Hips", "RightHand", "RightHandThumb1", "RightHandThumb2", "RightHandIndex1", "RightHandIndex2",
        "RightHandMiddle1", "RightHandRing1", "RightHandPinky1"]
lines = ["HIERARCHY", "ROOT mixamorig:Hips", "{", " OFFSET 0 100 0",
         " CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation",
         " JOINT mixamorig:RightHand", " {", "  OFFSET -60 40 0", "  CHANNELS 3 Zrotation Xrotation Yrotation"]
for i, name in enumerate(hand[2:]):
    lines += [f"  JOINT mixamorig:{name}", "  {", f"   OFFSET -9 0 {i - 3}", "   CHANNELS 3 Zrotation Xrotation Yrotation",
              "   End Site", "   {", "    OFFSET -4 0 0", "   }", "  }"]
lines += [" }", "}", "MOTION", "Frames: 3", "Frame Time: 0.0333333"]
channels = 6 + 3 + 3 * len(hand[2:])
for fr in range(3):
    lines.append(" ".join(str(((fr + 1) * (c + 3)) % 37 - 12) for c in range(channels)))
put("fuzz_bvh", "mixamo-hand.bvh", "\n".join(lines) + "\n")

# --- csv: joint tables with and without header and time column.
put("fuzz_csv", "header-time.csv", "time,wrist_x,wrist_y,wrist_z,tip_x,tip_y,tip_z\n0,0,1,0,0,1.1,0\n0.033,0,1,0.01,0,1.1,0.01\n")
put("fuzz_csv", "bare-semicolons.csv", "1;2;3\n4;5;6\n\n7;8;9\n")
put("fuzz_csv", "spaces.txt.csv", "1 2 3   4 5 6\n1.5 2.5 3.5 4.5 5.5 6.5\n")

# --- assimp: a hand-made glTF (two joints, one rotation animation, embedded buffer), first
# byte 0 = the fuzzer's .gltf scratch file; the same JSON as COLLADA's byte 3 would fail early.
times = struct.pack("<2f", 0.0, 1.0)
rots = struct.pack("<8f", 0, 0, 0, 1, 0, 0.7071068, 0, 0.7071068)
buf = times + rots
gltf = {
    "asset": {"version": "2.0"},
    "scene": 0, "scenes": [{"nodes": [0]}],
    "nodes": [{"name": "RightHand", "children": [1], "translation": [0, 1, 0]},
              {"name": "RightHandIndex1", "translation": [0, 0.1, 0]}],
    "buffers": [{"byteLength": len(buf), "uri": "data:application/octet-stream;base64," + base64.b64encode(buf).decode()}],
    "bufferViews": [{"buffer": 0, "byteOffset": 0, "byteLength": 8}, {"buffer": 0, "byteOffset": 8, "byteLength": 32}],
    "accessors": [{"bufferView": 0, "componentType": 5126, "count": 2, "type": "SCALAR", "min": [0], "max": [1]},
                  {"bufferView": 1, "componentType": 5126, "count": 2, "type": "VEC4"}],
    "animations": [{"name": "turn", "samplers": [{"input": 0, "output": 1, "interpolation": "LINEAR"}],
                    "channels": [{"sampler": 0, "target": {"node": 1, "path": "rotation"}}]}],
}
put("fuzz_assimp", "two-joints.gltf", b"\x00" + json.dumps(gltf).encode())
# GLB container of the same document (JSON chunk only; the buffer stays a data URI).
js = json.dumps(gltf).encode()
js += b" " * ((4 - len(js) % 4) % 4)
glb = struct.pack("<4sII", b"glTF", 2, 12 + 8 + len(js)) + struct.pack("<I4s", len(js), b"JSON") + js
put("fuzz_assimp", "two-joints.glb", b"\x01" + glb)
dae = """<?xml version="1.0" encoding="utf-8"?>
<COLLADA xmlns="http://www.collada.org/2005/11/COLLADASchema" version="1.4.1">
 <asset><unit meter="0.01"/><up_axis>Y_UP</up_axis></asset>
 <library_visual_scenes><visual_scene id="s">
  <node id="RightHand" name="RightHand" type="JOINT"><translate>0 100 0</translate>
   <node id="RightHandIndex1" name="RightHandIndex1" type="JOINT"><translate>0 10 0</translate></node>
  </node>
 </visual_scene></library_visual_scenes>
 <scene><instance_visual_scene url="#s"/></scene>
</COLLADA>
"""
put("fuzz_assimp", "two-joints.dae", b"\x03" + dae.encode())

# --- mrec: the tiny clip converted by the mimesis command, whole and torn.
if len(sys.argv) > 1:
    exe = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        src = pathlib.Path(tmp) / "tiny.mkeys"
        src.write_text(TINY_MKEYS)
        out = pathlib.Path(tmp) / "tiny.mrec"
        subprocess.run([exe, "convert", str(src), str(out)], check=True, stdout=subprocess.DEVNULL)
        data = out.read_bytes()
        put("fuzz_mrec", "tiny.mrec", data)
        put("fuzz_mrec", "tiny-torn.mrec", data[: len(data) * 2 // 3])
        body = pathlib.Path(tmp) / "body.csv"
        body.write_text("time,a_x,a_y,a_z,b_x,b_y,b_z\n0,0,1,0,0,1.1,0\n0.1,0,1,0.01,0,1.1,0.01\n")
        out2 = pathlib.Path(tmp) / "body.mrec"
        subprocess.run([exe, "convert", str(body), str(out2)], check=True, stdout=subprocess.DEVNULL)
        put("fuzz_mrec", "body.mrec", out2.read_bytes())
print("seed corpora written under", corpus)
