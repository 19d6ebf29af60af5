// SPDX-License-Identifier: MIT
// irio command-line entry point (placeholder until the commands land).
#include <iostream>
int main() { std::cout << "irio\n"; return 0; }
