#pragma once
// Reading a file whole in a test: its bytes, or nothing if it cannot be opened.

#include <QByteArray>
#include <QFile>
#include <QString>

namespace testing {

inline QByteArray read_all(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace testing
