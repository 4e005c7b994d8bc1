#pragma once
// One small vector icon per component kind, drawn with QPainter (no image files).

#include "model/edit.h"

#include <QIcon>

namespace widgets {

// Drawn once per kind on first use; a distinct shape for each kind, readable on light and dark
// palettes alike.
QIcon component_icon(model::ComponentKind kind);

} // namespace widgets
