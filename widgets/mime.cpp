#include "mime.h"

namespace widgets {

QMimeData *component_mime(model::ComponentKind kind) {
    auto *mime = new QMimeData;
    mime->setData(kComponentMime, QByteArray(model::to_string(kind)));
    return mime;
}

std::optional<model::ComponentKind> component_from_mime(const QMimeData *mime) {
    if (!mime || !mime->hasFormat(kComponentMime))
        return std::nullopt;
    return model::component_kind_from(mime->data(kComponentMime).toStdString());
}

} // namespace widgets
