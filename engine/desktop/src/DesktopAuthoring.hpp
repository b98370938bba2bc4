// The desktop script's authoring actions applied to the spec the timeline edits (the same
// edits the timeline panel makes with the mouse).
#pragma once

#include "mimesis/authoring/AuthoringSpec.hpp"
#include "mimesis/core/Error.hpp"
#include "mimesis/desktop/DesktopScript.hpp"
#include "mimesis/ui/DesktopPanels.hpp"

namespace mimesis {

// True when `action` is one of the authoring actions.
bool isAuthoringAction(const std::string& action);

// Applies one authoring event. BadInput (naming the event's frame) for a boundary of an
// unknown segment; ranges are checked when the lesson is published.
Status applyAuthoringEvent(const ScriptEvent& e, AuthoringSpec& spec, double takeDuration, DesktopControls& controls);

}  // namespace mimesis
