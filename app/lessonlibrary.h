#pragma once
// Finds the lessons: the course built into the app (Qt resources) and any packs of the
// user's own, read from a folder they pick.

#include "model/course.h"
#include "model/lesson_text.h"
#include "model/quiz.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace app {

// Reads files from disk or, for paths starting with ":/", from the app's resources.
model::FileReader qt_reader();

// Every lesson file in a folder (":/lessons" for the built-in course), in course order, with the
// figures their text quotes filled in. Problems with single files (and chapters whose id an
// earlier file has) are added to *problems; the good lessons are returned.
std::vector<model::Lesson> load_lessons(const QString &folder, QStringList *problems);

// Every quiz file in a folder (":/lessons/quizzes" for the built-in bank), by file name.
std::vector<model::Quiz> load_quiz_folder(const QString &folder, QStringList *problems);

} // namespace app
