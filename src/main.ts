console.info("Lectern");
