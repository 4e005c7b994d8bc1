// Lesson and quiz files: any text is read by both loaders without crashing; the body and the
// scenarios a lesson names come from the course in the source tree, and each step of a lesson
// that loads is prepared (its scenario loaded, its actions applied).
#include "fuzz_support.h"

#include "model/lesson.h"
#include "model/quiz.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const std::string text(reinterpret_cast<const char *>(data), size);
    const std::string path = "lessons/fuzz.json";
    const model::FileReader read = [&](const std::string &p) -> std::optional<std::string> {
        if (p == path)
            return text;
        if (p.rfind("lessons/", 0) == 0 && p.find("..") == std::string::npos &&
            (p.rfind("lessons/scenarios/", 0) == 0 || p.rfind("lessons/chapters/", 0) == 0)) {
            const std::string &file = fuzz::source_file(p);
            if (!file.empty())
                return file;
        }
        return std::nullopt;
    };
    const model::LessonLoad lesson = model::load_lesson_file(path, read);
    fuzz::require(lesson.problems.size() <= model::limits::kProblemsPerFile + 1,
                  "problems are capped");
    if (lesson.lesson)
        for (std::size_t i = 0; i < lesson.lesson->try_this.size(); ++i)
            (void)model::prepare_step(*lesson.lesson, i, read);
    const model::QuizLoad quiz = model::load_quiz_file(path, read);
    fuzz::require(quiz.problems.size() <= model::limits::kProblemsPerFile + 1,
                  "problems are capped");
    return 0;
}
