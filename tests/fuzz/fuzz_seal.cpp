// The archive seal (issue 13): any bytes at all are refused as damaged or as the wrong
// passphrase, or give back exactly a payload; never a crash, never more memory than a chunk.
// The seeds (seeds/fuzz_seal) are archives sealed with this passphrase at the least key cost.
#include "archive/seal.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        const std::string payload = ledger::archive::unseal(bytes, "fuzz passphrase", 1 << 20);
        // An archive that opens is a whole one: its header and chunks were all there.
        if (size < ledger::archive::kHeaderSize + payload.size()) {
            std::abort();
        }
    } catch (const ledger::archive::ArchiveDamaged&) {
    } catch (const ledger::WrongPassphrase&) {
    }
    return 0;
}
