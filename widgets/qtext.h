#pragma once
// The small text conversions the views share: the model's UTF-8 strings as QStrings, and the
// translation context of the timeline's strings (drawn by several files).

#include <QCoreApplication>
#include <QString>

#include <string>

namespace widgets {

inline QString q(const std::string &text) {
    return QString::fromStdString(text);
}

inline QString timeline_tr(const char *text) {
    return QCoreApplication::translate("widgets::Timeline", text);
}

} // namespace widgets
