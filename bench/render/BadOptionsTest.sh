#!/bin/bash
# ctest: every bad option of the render bench exits 2 with a message naming the option and the
# values it accepts, before any Vulkan call. Every Vulkan driver is hidden from the loader, so a
# bad option that slipped through the parse would reach vkCreateInstance / device selection and
# exit 1 (a device error) instead; the control at the end shows that it does.
set -u
bench=$1 src=$2
export VK_ICD_FILENAMES=/nonexistent/icd.json VK_DRIVER_FILES=/nonexistent/icd.json VK_ADD_DRIVER_FILES=
failures=0

# expect_bad "<expected stderr line>" ARG...
expect_bad() {
  local want=$1; shift
  local err rc
  err=$("$bench" "$@" 2>&1 >/dev/null); rc=$?
  if [ "$rc" -ne 2 ] || [ "$err" != "$want" ]; then
    echo "FAIL: $* -> exit $rc, stderr: $err"
    echo "      expected exit 2, stderr: $want"
    failures=$((failures + 1))
  fi
}

p="mimesis_render_bench:"
expect_bad "$p --depth: unknown depth format 'd99' (accepted: d24s8, d32s8, d16s8)" --depth d99
expect_bad "$p --depth: unknown depth format 'D32S8' (accepted: d24s8, d32s8, d16s8)" --depth D32S8
expect_bad "$p --depth: missing value" --depth
samples="expected a sample count of 1, 2, 4, 8, 16, 32 or 64"
expect_bad "$p --samples: $samples, got 'four'" --samples four
expect_bad "$p --samples: $samples, got '4x'" --samples 4x
expect_bad "$p --samples: $samples, got '3'" --samples 3
expect_bad "$p --samples: $samples, got '0'" --samples 0
expect_bad "$p --samples: $samples, got '-4'" --samples -4
expect_bad "$p --samples: $samples, got '128'" --samples 128
expect_bad "$p --samples: $samples, got '4294967300'" --samples 4294967300
expect_bad "$p --samples: $samples, got ''" --samples ""
expect_bad "$p --samples: missing value" --mono --samples
expect_bad "$p --frames: expected a frame count in [1, 1000000], got '0'" --frames 0
expect_bad "$p --warmup: expected a frame count in [0, 1000000], got '-1'" --warmup -1
expect_bad "$p --device: expected a device index in [0, 255], got 'gpu'" --device gpu
expect_bad "$p --size: expected WxH, each in [1, 16384], got '1832x'" --size 1832x
expect_bad "$p --size: expected WxH, each in [1, 16384], got '64x64px'" --size 64x64px
expect_bad "$p --bogus: unknown argument (see the usage at the top of bench/render/RenderBench.cpp)" --bogus
# A good option before a bad one does not mask it.
expect_bad "$p --depth: unknown depth format 'd24' (accepted: d24s8, d32s8, d16s8)" --samples 1 --depth d24

# Control: good options with the drivers hidden get past the parse and the input files and fail
# at Vulkan with exit 1, so the exit 2s above came from the parse, not from a missing device.
err=$("$bench" --depth d32s8 --samples 1 --frames 1 --warmup 0 --mono --size 8x8 --clip "$src/assets/clap.mkeys" \
        --avatar "$src/assets/meshes/hand-right.gltf" 2>&1 >/dev/null); rc=$?
if [ "$rc" -ne 1 ]; then
  echo "FAIL: control with no Vulkan driver exited $rc (expected 1, a device error): $err"
  failures=$((failures + 1))
fi

[ "$failures" -eq 0 ] || { echo "$failures case(s) failed"; exit 1; }
echo "every bad option exits 2 before Vulkan"
