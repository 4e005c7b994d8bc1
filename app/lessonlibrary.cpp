#include "lessonlibrary.h"

#include <QDir>
#include <QFile>

namespace app {

model::FileReader qt_reader() {
    return [](const std::string &path) -> std::optional<std::string> {
        QFile f(QString::fromStdString(path));
        if (!f.open(QIODevice::ReadOnly) || f.size() > 4 * 1024 * 1024)
            return std::nullopt;
        return f.readAll().toStdString();
    };
}

std::vector<model::Lesson> load_lessons(const QString &folder, QStringList *problems) {
    std::vector<model::Lesson> out;
    const QDir dir(folder);
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        model::LessonLoad load =
            model::load_lesson_file(dir.filePath(name).toStdString(), qt_reader());
        for (const auto &p : load.problems)
            problems->append(QString::fromStdString(p.text()));
        if (load.lesson) {
            // The figures the text quotes, computed now from the lesson's own scenarios.
            model::fill_lesson_text(*load.lesson, qt_reader());
            out.push_back(*load.lesson);
        }
    }
    return out;
}

} // namespace app
