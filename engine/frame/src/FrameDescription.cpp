// Compiles the frame module's headers into its library (the module holds plain data only).
#include "mimesis/frame/EyeView.hpp"
#include "mimesis/frame/FrameDescription.hpp"
