#pragma once
// The one drag-and-drop format of the app: a component kind dragged from the palette.

#include "model/edit.h"

#include <QMimeData>
#include <optional>

namespace widgets {

inline constexpr const char *kComponentMime = "application/x-failover-lab-component";

// A new QMimeData carrying the kind (the caller, usually QDrag, owns it).
QMimeData *component_mime(model::ComponentKind kind);
std::optional<model::ComponentKind> component_from_mime(const QMimeData *mime);

} // namespace widgets
