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
    const QDir dir(folder);
    std::vector<std::string> paths;
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        paths.push_back(dir.filePath(name).toStdString());
    model::CourseLoad load = model::load_course(paths, qt_reader());
    for (const auto &p : load.problems)
        problems->append(QString::fromStdString(p.text()));
    std::vector<model::Lesson> out = load.course.chapters();
    // The figures the text quotes, computed now from the lesson's own scenarios.
    for (model::Lesson &lesson : out)
        model::fill_lesson_text(lesson, qt_reader());
    return out;
}

std::vector<model::Quiz> load_quiz_folder(const QString &folder, QStringList *problems) {
    const QDir dir(folder);
    std::vector<model::Quiz> out;
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        model::QuizLoad load = model::load_quiz_file(dir.filePath(name).toStdString(), qt_reader());
        for (const auto &p : load.problems)
            problems->append(QString::fromStdString(p.text()));
        if (load.quiz)
            out.push_back(std::move(*load.quiz));
    }
    return out;
}

} // namespace app
