// FrameBuilder: turns what the session knows this frame (expert and learner frames, the mirror
// model's FeedbackState, the live score) into the FrameDescription the renderer draws.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "mimesis/frame/FrameDescription.hpp"
#include "mimesis/mirror/FeedbackState.hpp"
#include "mimesis/motion/Frame.hpp"
#include "mimesis/motion/SkinnedMesh.hpp"
#include "mimesis/motion/Skeleton.hpp"
#include "mimesis/scoring/LiveScorer.hpp"
#include "mimesis/scoring/ScoringConfig.hpp"
#include "mimesis/session/MirrorAdapters.hpp"

namespace mimesis {

// Everything is borrowed for the duration of one buildFrameDescription call; null means "none".
// Frames are in world space (ViewCameras.hpp: metres, +Y up, learner at the origin facing -Z).
struct FrameInputs {
  const Frame* expert = nullptr;     // as ExpertPlayer shows it, in the clip's space (null: no expert)
  const Frame* learner = nullptr;    // as tracked (null: none)
  const FeedbackState* feedback = nullptr;  // ghost opacity, cues, view, message, stage (null: defaults, no panel)
  const FrameScore* score = nullptr; // live per-group errors → learner joint colours (null: neutral colours)
  // Which FrameScore group feeds each learner hand × group cell (CellGroupMap::fromNames of
  // LiveScorer::groupNames()). Null: the two-hand layout, groups 0–5 left, 6–11 right.
  const CellGroupMap* scoreGroups = nullptr;
  const ScoringConfig* scoring = nullptr;   // references that normalise errors (null: defaults)
  // Without `score`: per learner cell (cellIndex) errors already normalised (1 = at the
  // reference), e.g. the mirror model's smoothed live errors, and whether each was measured.
  const std::array<float, kCellsPerSegment>* cellErrors = nullptr;
  const std::array<bool, kCellsPerSegment>* cellValid = nullptr;
  ViewKind view = ViewKind::FirstPerson;    // see "View" below
  ImitationMapping mapping = ImitationMapping::Anatomical;
  const Skeleton* bodySkeleton = nullptr;   // expert body joints' parents when expert->body is non-empty
  // The expert clip's first frame: the body ghost, and the expert's hands with it, are placed by
  // bodyPlacement(*bodyStart, bodySkeleton) (BodyPlacement.hpp: the root on the learner's spot,
  // facing -Z). Null: drawn where the capture put them.
  const Frame* bodyStart = nullptr;
  // A learner with a body (a recording, e.g. another take of the exercise): its skeleton (parents
  // and groups) and its first frame, which places it as bodyStart places the expert.
  const Skeleton* learnerBodySkeleton = nullptr;
  const Frame* learnerBodyStart = nullptr;
  // LiveScorer::groupNames(): the learner's body groups take their errors from "body/<group>"
  // of bodyScore (null: of score), so a front end colouring the hands by the mirror model's
  // cell errors can colour the body by the live score.
  const std::vector<std::string>* scoreGroupNames = nullptr;
  const FrameScore* bodyScore = nullptr;
  // Optional skinned meshes per hand side (index(Hand)): the renderer's handle (Renderer::addMesh)
  // and the mesh data it was made from. A hand whose side has both is drawn as a DrawnMesh instead
  // of a DrawnHand. The binding (bindMeshToHand) should be computed once; null computes it per call.
  int handMesh[2] = {-1, -1};
  const SkinnedMesh* handMeshData[2] = {nullptr, nullptr};
  const std::vector<int>* handMeshBinding[2] = {nullptr, nullptr};
};

// Fills `out` completely (every field is rewritten; vectors keep their capacity, so a reused
// FrameDescription stops allocating after the first frames — except per-call mesh bindings and
// long panel strings). Deterministic: the same inputs give the same bytes. Never NaN: joints that
// are not finite are marked invalid by the renderer's rules (not drawn) and colours are finite.
//
// View. The mirror model decides between the facing model (View::Facing → ViewKind::Mirror) and
// the first-person ghost (View::FirstPerson); when `feedback` is null, `view` is used. ViewKind::Side
// is a desktop inspection camera and overrides the feedback's choice. out.view records the result.
//
// The target. Each learner hand h copies one expert hand: under Anatomical the expert's hand h as
// recorded; under Mirror the expert's other hand reflected in X (reflectX, as the scorer compares
// it). That "target hand h" is what is drawn for h.
//  FirstPerson, Side: the target hands co-located with the learner's (no transform): under
//    Anatomical exactly the expert's hands as-is; under Mirror the mirrored expert, so the ghost
//    on the learner's right is the one the right hand matches.
//  Mirror (the facing model): the target hands reflected through the vertical plane 0.45 m in front
//    (facingPose: the expert turned 180° to face the learner, ~0.9 m away, and reflected left–right).
//    Why reflected for both mappings: the model is then exactly the learner's own mirror image when
//    the imitation is right, so the learner "copies it like a mirror" — the hand on the learner's
//    right side of the model is the one their right hand copies, and moving toward the model is
//    moving forward. Under Mirror mapping this picture equals the expert simply turned round (the
//    reflection in X undoes the one in the target); under Anatomical it is the expert's mirror
//    image, which spares the learner the mental rotation a turned-round model demands.
//    Labels "L"/"R" above the model's hands name the expert's own hand drawn there. The virtual
//    mirror (facingViewMirror(): beside the model on the learner's right) is enabled; only the
//    learner's hands are marked `reflect`, and a label "you" sits above the mirror.
//  Body: when expert->body is non-empty, one DrawnSkeleton with bodySkeleton's parents (all -1 when
//    it is null or of another size), the same transform as the hands (reflected in X under Mirror
//    mapping, then facing when the view is Mirror), ghost colour and opacity. In the FirstPerson
//    view the learner stands inside the co-located ghost, so body joints within 0.25 m of the
//    learner's head (Frame::head when tracked, else Staging::defaultHead()) are marked not valid
//    (not drawn, nor their bones): the ghost's head and neck would otherwise fill the view.
//  Hands on the body ghost: a body clip usually has no finger data, and a headset learner has no
//    tracked body, so for each learner hand h that is active, whose target side (the expert's h, or
//    its other hand under Mirror mapping) has no active expert hand or only an end-effector hand
//    (wrist and palm, no finger: attachEndEffectorHands, which the copy then replaces; in the
//    facing view its "L"/"R" label stays), whose wrist is not left out near the eye, and whose body skeleton names
//    that side's wrist ("LeftHand", "left_hand", "WristLeft", "left_wrist", …) at a valid joint,
//    a copy of the learner's tracked hand h — its own finger shape and orientation, transformed
//    like a target hand for the view — is drawn as part of the ghost, moved (translated only) so
//    its wrist sits on the ghost's wrist. The ghost then has hands shaped like the learner's, and
//    the gap between the learner's solid hand and the ghost's is only the placement to correct.
//    Needs bodySkeleton with parents of the body's size.
//  Placement: with bodyStart (and an expert with a body), every expert joint — body and hands —
//    is first moved by bodyPlacement(*bodyStart, bodySkeleton), then transformed as above.
//  The learner's body: when learner->body is non-empty, in the FirstPerson and Side views (not
//    the facing view, whose camera stands behind the learner's head), one solid DrawnSkeleton (opacity 1,
//    reflected in the mirror) with learnerBodySkeleton's parents, placed by
//    bodyPlacement(*learnerBodyStart, learnerBodySkeleton) when given (the learner's hands too),
//    the same head clearance in the FirstPerson view, and per-joint colours: each joint takes
//    its skeleton group's colour, errorColour(r) with r the worst of shapeMm /
//    references.bodyShapeMm, postureDeg / references.postureDeg and, for the root's group,
//    placementMm / references.placementMm, of score group "body/<group>" (joints in no group:
//    "body/other"); neutralHandColour() where unmeasured. It comes first in out.bodies.
//
// Order of out.hands: the learner's active hands (left, then right), then the target hands shown
// (for learner hand left, then right), then the hands attached to the body ghost (left, right). Inactive hands are left out. A hand drawn as a mesh goes to
// out.meshes in the same order instead.
//
// Opacity. The expert (hands, body, meshes) takes feedback->ghostOpacity (0.9 without feedback);
// at 0 nothing of the expert is drawn. The learner is solid (1).
// Colours. Expert: ghostColour() on every joint. Learner: each joint takes its group's colour,
//   errorColour(r) with r the worst of shapeMm / references.shapeMm, postureDeg /
//   references.postureDeg and, for the wrist group, placementMm / references.placementMm;
//   neutralHandColour() where the score is absent, untracked or the group not valid. A learner hand
//   drawn as a mesh takes its worst group's colour (DrawnMesh has one colour).
// Cues. Each active cue (feedback->cues[0, cueCount)) sets the bits of its group's joints in
//   highlightedJoints of the learner's cue.hand and of target hand cue.hand (which is the expert's
//   other hand under Mirror mapping).
// Panel: "Stage: <stage>", "Trial <trial + 1>", then the message and each cue's message when not
//   empty. Nothing without feedback.
void buildFrameDescription(const FrameInputs& in, FrameDescription& out);

// The joint bits (bit j = joint j) of a hand group, for highlightedJoints.
std::uint32_t groupJointBits(HandGroup group);

}  // namespace mimesis
