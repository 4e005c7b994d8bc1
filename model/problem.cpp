#include "problem.h"

namespace model {

std::string Problem::text() const {
    std::string out = file.empty() ? std::string("<input>") : file;
    if (!where.empty())
        out += ": " + where;
    return out + ": " + message;
}

} // namespace model
