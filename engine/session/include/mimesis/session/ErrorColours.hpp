// ErrorColours: the colour scale that shows how far a learner's joint group is from the expert,
// and the fixed colours of the scene (ghost, neutral hand), chosen to survive colour blindness.
#pragma once

#include <glm/vec4.hpp>

namespace mimesis {

// Colour of a normalised error e (0 = perfect, 1 = at the scoring reference, > 1 worse), linear
// RGB, alpha 1. A sequential blue → pale grey → orange → yellow scale: hue runs along the
// blue–yellow axis that deuteranopes and protanopes still see, and luminance (Rec. 709 weights on
// linear RGB) rises strictly with the error, so the order also reads in greyscale and the worst
// joints are the brightest, most salient things on the dark background. Control points at
// e = 0, 0.5, 1, 2, linear between them; e is clamped to [0, 2]; NaN counts as 0.
glm::vec4 errorColour(float normalisedError);

// Rec. 709 relative luminance of a linear RGB colour (alpha ignored).
float luminance(const glm::vec4& linearRgb);

// The expert ghost: one neutral cool colour, outside the error scale's hues. Measured contrast
// (GhostContrast test, CIEDE2000 on opaque colours, learner colours = the error scale sampled
// every 0.02 plus the neutral hand): at least 17.1 for normal vision, 9.4 under simulated
// deuteranopia, 10.1 under protanopia (Machado et al. 2009, severity 1); 47.2 against the
// background. The test's floor is 9. (A pale lilac-white {1, 0.9, 1} measured 13.1 / 12.9 / 12.8
// and 50.1, but would change the cli/desktop render goldens; not adopted.)
glm::vec4 ghostColour();
// A learner hand (or group) with no score to show: a neutral skin tone.
glm::vec4 neutralHandColour();

}  // namespace mimesis
