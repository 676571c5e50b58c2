#include "opsynth/cli.hpp"

int main(int argc, char** argv) { return opsynth::cli::run(argc, argv); }
